"""Entry point: `python -m kehubao` / `kehubao`. No arguments open the window."""

import sys


def main() -> int:
    from .cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
