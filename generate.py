"""Entry point: `python generate.py ARGS` is the same as `iku generate ARGS`."""

import sys

from iku.cli import main

if __name__ == "__main__":
    main(["generate", *sys.argv[1:]], prog_name="python generate.py")
