"""Render resources/icons/app.svg into installer/build/kehubao.ico (generated at build
time, not committed). Uses Qt, which the app already depends on."""

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    out = ROOT / "installer" / "build" / "kehubao.ico"
    out.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(QSize(256, 256), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "ICO"):
        image.save(str(out.with_suffix(".png")), "PNG")
        print("ICO writer not available; wrote PNG instead", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
