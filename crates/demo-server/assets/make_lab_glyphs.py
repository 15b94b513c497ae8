"""Build lab-glyphs.ttf, the web font of the /why page's CSS and font demo.

Run from this directory with fontTools installed (pip install fonttools==4.*):

    python3 make_lab_glyphs.py

The font is made here from nothing but the shapes below, so it carries no
third party's design or licence (it is the project's own, MIT OR Apache-2.0).
It draws four letters as plain shapes, so a page can tell at a glance
whether the font loaded: "CORS" shows as a square, a circle-like octagon, a
triangle and a diamond; any other text, or a page where the font failed to
load, shows the fallback font's letters. The output is deterministic (fixed
timestamps), so running the script again gives the same bytes.
"""

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPM = 1000
ADVANCE = 800
# 2021-02-19, the article's date, as seconds since 1904-01-01 (the TrueType epoch).
FIXED_TIME = 3696364800


def polygon(points):
    pen = TTGlyphPen(None)
    pen.moveTo(points[0])
    for p in points[1:]:
        pen.lineTo(p)
    pen.closePath()
    return pen.glyph()


def empty():
    return TTGlyphPen(None).glyph()


# Outer contours clockwise (TrueType's rule for filled shapes).
SHAPES = {
    ".notdef": empty(),
    "space": empty(),
    # C: a square
    "C": polygon([(100, 0), (100, 600), (700, 600), (700, 0)]),
    # O: an octagon (a circle, near enough)
    "O": polygon([(300, 0), (100, 200), (100, 400), (300, 600), (500, 600), (700, 400), (700, 200), (500, 0)]),
    # R: a triangle pointing up
    "R": polygon([(100, 0), (400, 650), (700, 0)]),
    # S: a diamond
    "S": polygon([(400, 0), (100, 300), (400, 600), (700, 300)]),
}
ORDER = [".notdef", "space", "C", "O", "R", "S"]

fb = FontBuilder(UPM, isTTF=True)
fb.setupGlyphOrder(ORDER)
fb.setupCharacterMap({0x20: "space", ord("C"): "C", ord("O"): "O", ord("R"): "R", ord("S"): "S"})
fb.setupGlyf({name: SHAPES[name] for name in ORDER})
metrics = {}
glyf = fb.font["glyf"]
for name in ORDER:
    g = glyf[name]
    lsb = getattr(g, "xMin", 0) if g.numberOfContours else 0
    metrics[name] = (ADVANCE if name != ".notdef" else 500, lsb)
fb.setupHorizontalMetrics(metrics)
fb.setupHorizontalHeader(ascent=800, descent=-200)
fb.setupNameTable({"familyName": "CORS Lab Glyphs", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
fb.setupPost()
fb.updateHead(created=FIXED_TIME, modified=FIXED_TIME)
fb.save("lab-glyphs.ttf")
