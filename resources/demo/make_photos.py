"""Draw the two demo "photos" (the seed bulletin had two photos we cannot ship).

They are simple drawings made by this project (free to use, CC0), standing in for the
walking street on Trần Nhân Tông and Đại Cồ Việt street. Run from the repository root:

    .venv/bin/python resources/demo/make_photos.py
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
W, H = 1200, 720


def _sky(
    draw: ImageDraw.ImageDraw, top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> None:
    for y in range(H):
        t = y / H
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (W, y)], fill=colour)


def _building(
    draw: ImageDraw.ImageDraw,
    x: int,
    width: int,
    height: int,
    base_y: int,
    colour: tuple[int, int, int],
    rng: random.Random,
) -> None:
    draw.rectangle([x, base_y - height, x + width, base_y], fill=colour)
    for wy in range(base_y - height + 14, base_y - 24, 34):
        for wx in range(x + 10, x + width - 18, 26):
            lit = rng.random() < 0.55
            draw.rectangle(
                [wx, wy, wx + 14, wy + 20], fill=(250, 226, 150) if lit else (70, 80, 95)
            )


def _tree(draw: ImageDraw.ImageDraw, x: int, base_y: int, size: int) -> None:
    draw.rectangle([x - 5, base_y - size, x + 5, base_y], fill=(92, 64, 40))
    for dx, dy, r in (
        (0, -size - 10, size // 2),
        (-size // 3, -size + 15, size // 2 - 8),
        (size // 3, -size + 15, size // 2 - 8),
    ):
        draw.ellipse([x + dx - r, base_y + dy - r, x + dx + r, base_y + dy + r], fill=(46, 125, 60))


def walking_street() -> Image.Image:
    rng = random.Random(2023)
    img = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(img)
    _sky(draw, (24, 38, 86), (238, 140, 90))
    x = 0
    while x < W:
        width = rng.randint(90, 160)
        _building(
            draw,
            x,
            width,
            rng.randint(260, 430),
            520,
            rng.choice([(176, 122, 96), (200, 170, 120), (150, 110, 100), (226, 200, 160)]),
            rng,
        )
        x += width + rng.randint(0, 8)
    draw.polygon([(0, H), (W, H), (W // 2 + 90, 520), (W // 2 - 90, 520)], fill=(120, 116, 110))
    draw.rectangle([0, 520, W, 540], fill=(160, 150, 140))
    for i in range(9):  # lanterns strung across the street
        y = 300 + (i % 2) * 14
        cx = 140 + i * 115
        draw.ellipse([cx - 14, y - 18, cx + 14, y + 18], fill=(214, 40, 40))
    draw.line([(100, 290), (1120, 290)], fill=(60, 40, 30), width=2)
    for x in (70, 250, 950, 1130):
        _tree(draw, x, 560, 120)
    for _ in range(40):  # people walking
        px = rng.randint(200, 1000)
        py = rng.randint(560, 700)
        s = 10 + (py - 540) // 12
        colour = rng.choice([(30, 60, 140), (190, 40, 60), (240, 240, 240), (40, 40, 40)])
        draw.ellipse([px - s // 3, py - 3 * s, px + s // 3, py - 2 * s], fill=(236, 200, 170))
        draw.rectangle([px - s // 2, py - 2 * s, px + s // 2, py], fill=colour)
    return img.filter(ImageFilter.SMOOTH)


def boulevard() -> Image.Image:
    rng = random.Random(1983)
    img = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(img)
    _sky(draw, (120, 180, 230), (220, 236, 246))
    x = -20
    while x < W:
        width = rng.randint(110, 220)
        _building(
            draw,
            x,
            width,
            rng.randint(200, 470),
            500,
            rng.choice([(230, 226, 214), (198, 208, 220), (240, 214, 170), (180, 190, 196)]),
            rng,
        )
        x += width + rng.randint(10, 30)
    draw.rectangle([0, 500, W, H], fill=(90, 92, 96))
    for lane in range(5):
        y = 540 + lane * 40
        for dash in range(0, W, 120):
            draw.rectangle([dash, y, dash + 60, y + 5], fill=(240, 240, 240))
    for _ in range(14):  # motorbikes and cars
        cx = rng.randint(0, W)
        cy = rng.randint(520, 690)
        colour = rng.choice([(200, 30, 30), (30, 30, 30), (240, 240, 240), (40, 90, 180)])
        if rng.random() < 0.3:
            draw.rounded_rectangle([cx, cy, cx + 120, cy + 40], 10, fill=colour)
        else:
            draw.ellipse([cx, cy + 18, cx + 16, cy + 34], fill=(20, 20, 20))
            draw.ellipse([cx + 34, cy + 18, cx + 50, cy + 34], fill=(20, 20, 20))
            draw.rectangle([cx + 6, cy + 6, cx + 44, cy + 22], fill=colour)
    for x in range(40, W, 180):
        _tree(draw, x, 505, 90)
    return img.filter(ImageFilter.SMOOTH)


if __name__ == "__main__":
    walking_street().save(HERE / "tran-nhan-tong.jpg", quality=82, optimize=True)
    boulevard().save(HERE / "dai-co-viet.jpg", quality=82, optimize=True)
