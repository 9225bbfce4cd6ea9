"""Entry point: `python generate.py ARGS` is the same as `iku generate ARGS`."""

import sys

from iku.cli import generate_cmd

if __name__ == "__main__":
    # the command itself, not the group: its help shows a usage that works when followed
    generate_cmd.main(sys.argv[1:], prog_name="python generate.py")
