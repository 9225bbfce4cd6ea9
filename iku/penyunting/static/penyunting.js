/* Penyunting IKU: small helpers over a form that works without them.
   - textareas grow with their text;
   - add / remove / move up / move down list items in the page (the same buttons also work
     on the server when scripts are off), renumbering field names and printed labels (the
     labels themselves come from the server, in the page);
   - checks while typing (POST /periksa, nothing written);
   - the preview pictures refresh when the server has rendered them.
   Every address comes from the page (data-periksa, data-keadaan, data-pilih, built by the server
   with url_for), so the same script works wherever the form is mounted. */
"use strict";

(function () {
  // Every label comes from the server (bahasa.label_butir), as the documents print it; past the
  // labels the page carries, an added item goes to the server like a form without scripts.
  let LABEL = {};
  function label(penomoran, i) { const daftar = LABEL[penomoran]; return daftar ? daftar[i] : undefined; }
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  function tumbuh(t) { t.style.height = "auto"; t.style.height = (t.scrollHeight + 2) + "px"; }

  function gantiAwalan(akar, lama, baru) {
    const pola = new RegExp("(^|[-:.])" + esc(lama) + "(?=$|\\.)");
    const ubah = (el) => {
      for (const atr of ["name", "id", "for", "data-daftar", "data-untuk"]) {
        const v = el.getAttribute && el.getAttribute(atr);
        if (v && pola.test(v)) el.setAttribute(atr, v.replace(pola, "$1" + baru));
      }
      if (el.tagName === "BUTTON" && pola.test(el.value)) el.value = el.value.replace(pola, "$1" + baru);
      if (el.tagName === "TEMPLATE") el.content.querySelectorAll("*").forEach(ubah);
    };
    ubah(akar);
    akar.querySelectorAll("*").forEach(ubah);
  }

  function nomori(ol) {
    const nama = ol.dataset.daftar, penomoran = ol.dataset.penomoran;
    Array.from(ol.children).forEach((li, i) => {
      const lama = li.dataset.indeks;
      if (lama !== String(i)) { gantiAwalan(li, nama + "." + lama, nama + "." + i); li.dataset.indeks = String(i); }
      const nomor = li.querySelector(":scope > .nomor, :scope > .kepala-baris > .nomor");
      const teks = label(penomoran, i);
      if (nomor && teks !== undefined) nomor.textContent = teks;
    });
  }

  function daftarBernama(nama) { return document.querySelector('ol[data-daftar="' + CSS.escape(nama) + '"]'); }

  function aksi(tombol) {
    const [perintah, jalur] = tombol.value.split(/:(.*)/s);
    if (perintah === "tambah") {
      const ol = daftarBernama(jalur);
      if (!ol || label(ol.dataset.penomoran, ol.children.length) === undefined) return false;
      const tpl = ol && ol.parentElement.querySelector(':scope > template[data-untuk="' + CSS.escape(jalur) + '"]');
      if (!tpl) return false;
      const baru = tpl.content.firstElementChild.cloneNode(true);
      ol.appendChild(baru);
      nomori(ol);
      baru.querySelectorAll("textarea.tumbuh").forEach(tumbuh);
      const pertama = baru.querySelector("textarea, input:not([type=hidden])");
      if (pertama) pertama.focus();
      return true;
    }
    const li = tombol.closest("li");
    const ol = li && li.parentElement;
    if (!ol || !ol.dataset.daftar) return false;
    if (perintah === "hapus") li.remove();
    else if (perintah === "naik" && li.previousElementSibling) ol.insertBefore(li, li.previousElementSibling);
    else if (perintah === "turun" && li.nextElementSibling) ol.insertBefore(li.nextElementSibling, li);
    nomori(ol);
    tombol.focus();
    return true;
  }

  // ------------------------------------------------------------ checks while typing
  let jeda = null;
  function periksa(form) {
    clearTimeout(jeda);
    jeda = setTimeout(async () => {
      const data = new FormData(form);
      let jawab;
      try {
        jawab = await fetch(form.dataset.periksa, { method: "POST", body: data, credentials: "same-origin" });
      } catch (e) { return; }
      if (!jawab.ok) return;
      const hasil = await jawab.json();
      document.querySelectorAll(".pesan[data-untuk]").forEach((p) => { p.replaceChildren(); });
      for (const jenis of ["galat", "peringatan"]) {
        for (const [nama, daftar] of Object.entries(hasil[jenis])) {
          const wadah = document.querySelector('.pesan[data-untuk="' + CSS.escape(nama) + '"]');
          if (!wadah) continue;
          for (const teks of daftar) {
            const p = document.createElement("p");
            p.className = jenis;
            p.textContent = teks;
            wadah.appendChild(p);
          }
        }
      }
    }, 500);
  }

  // ------------------------------------------------------------ rupiah as typed: 18.456.789.000
  // Only a text of digits and dots is regrouped; anything else is left for the check to name.
  function ribuan(input) {
    const teks = input.value;
    if (!/^[\d.]+$/.test(teks)) return;
    const angka = teks.replace(/\./g, "").replace(/^0+(?=\d)/, "");
    const baru = angka.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    if (baru === teks) return;
    const kursor = input.selectionStart === null ? teks.length : input.selectionStart;
    let digitSebelum = teks.slice(0, kursor).replace(/\./g, "").length;
    digitSebelum -= teks.replace(/\./g, "").length - angka.length;  // leading zeros dropped
    input.value = baru;
    let posisi = 0;
    for (let n = 0; posisi < baru.length && n < digitSebelum; posisi++) if (baru[posisi] !== ".") n++;
    if (document.activeElement === input) input.setSelectionRange(posisi, posisi);
  }

  // ------------------------------------------------------------ preview
  let versiTampil = -1;
  function gambarPratinjau(keadaan) {
    const wadah = document.getElementById("halaman-pratinjau");
    const status = document.getElementById("status-pratinjau");
    if (!wadah) return;
    if (status) status.textContent = keadaan.galat ? "Pratinjau gagal: " + keadaan.galat
      : keadaan.sibuk ? "Pratinjau sedang dibuat…" : keadaan.versi ? "Pratinjau sesudah simpan terakhir; tombol Pratinjau di tiap bagian memilih dokumen lain." : "Pratinjau belum ada.";
    if (keadaan.versi === versiTampil) return;
    versiTampil = keadaan.versi;
    wadah.replaceChildren();
    wadah.dataset.versi = String(keadaan.versi);
    for (const [judul, daftar] of Object.entries(keadaan.halaman)) {
      const h = document.createElement("h3");
      h.textContent = judul;
      wadah.appendChild(h);
      daftar.forEach((src, i) => {
        const img = document.createElement("img");
        img.src = src;
        img.alt = judul + " halaman " + (i + 1);
        img.className = "halaman";
        wadah.appendChild(img);
      });
    }
  }
  let tanyaLagi = null;
  function jadwalkan(ms) { clearTimeout(tanyaLagi); tanyaLagi = setTimeout(tanyaPratinjau, ms); }
  async function tanyaPratinjau() {
    try {
      const jawab = await fetch(document.getElementById("pratinjau").dataset.keadaan, { credentials: "same-origin" });
      const keadaan = await jawab.json();
      gambarPratinjau(keadaan);
      jadwalkan(keadaan.sibuk ? 500 : 3000);
    } catch (e) { jadwalkan(5000); }
  }
  // A preview button: the document of its section, drawn from the file as saved.
  async function pilihPratinjau(tombol) {
    const data = new FormData();
    data.append("_token", document.querySelector('input[name="_token"]').value);
    data.append("naskah", tombol.dataset.naskah);
    const status = document.getElementById("status-pratinjau");
    if (status) status.textContent = "Pratinjau " + tombol.textContent.replace(/^Pratinjau /, "") + " sedang dibuat…";
    try {
      const jawab = await fetch(document.getElementById("pratinjau").dataset.pilih, { method: "POST", body: data, credentials: "same-origin" });
      if (jawab.ok) gambarPratinjau(await jawab.json());
      else if (status) status.textContent = "Pratinjau tidak dapat diminta (" + jawab.status + "); muat ulang halaman.";
    } catch (e) { if (status) status.textContent = "Pratinjau tidak dapat diminta; periksa apakah iku serve masih berjalan."; }
    jadwalkan(500);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const dataLabel = document.getElementById("label-butir");
    if (dataLabel) LABEL = JSON.parse(dataLabel.textContent);
    document.querySelectorAll("textarea.tumbuh").forEach(tumbuh);
    document.addEventListener("input", (e) => {
      if (e.target.matches("textarea.tumbuh")) tumbuh(e.target);
      if (e.target.matches("input.rupiah")) ribuan(e.target);
    });
    const form = document.getElementById("formulir");
    if (form) {
      form.addEventListener("click", (e) => {
        const lihat = e.target.closest("button.lihat-pratinjau");
        if (lihat) { e.preventDefault(); pilihPratinjau(lihat); return; }
        const tombol = e.target.closest('button[name="aksi"]');
        if (tombol && aksi(tombol)) { e.preventDefault(); periksa(form); }
      });
      form.addEventListener("input", () => periksa(form));
      form.addEventListener("change", () => periksa(form));
    }
    const pratinjau = document.getElementById("pratinjau");
    if (pratinjau && pratinjau.dataset.aktif === "ya") tanyaPratinjau();
  });
})();
