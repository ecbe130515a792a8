"""Draw packaging/windows/hbt-desktop.ico (the program's icon on Windows) with Pillow.

    .venv/bin/python packaging/windows/make_icon.py

The bulletin's masthead red with "HBT" in the bundled Arimo Bold; committed, so a build
needs no drawing step. Sizes are the ones Windows picks from for shortcuts and the taskbar.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RED = (163, 29, 36)
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=RED)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "Arimo-Bold.ttf"), size // 3)
    pen.text((size / 2, size / 2), "HBT", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    target = HERE / "hbt-desktop.ico"
    draw().save(target, sizes=SIZES)
    print(target.relative_to(ROOT))
