"""Entry point of the frozen (PyInstaller) build. freeze_support() lets the demo
generator's worker process start inside the bundle."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from kehubao.__main__ import main

    sys.exit(main())
