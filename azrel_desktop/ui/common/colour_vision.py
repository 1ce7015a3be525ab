"""Colour arithmetic the palette is checked with, free of Qt so that it runs anywhere: WCAG
contrast, CIELAB distance, and simulated colour-vision deficiency.

The simulation is Machado, Oliveira and Fernandes (2009) at full severity — protanopia,
deuteranopia and tritanopia — applied in linear sRGB, as their paper specifies. Distances are
CIE76 ΔE in CIELAB (D65): about 2.3 is a just-noticeable difference; colours meant to mean
different things should stay well apart after simulation (see `palette.MIN_DISTANCE`).
"""

from __future__ import annotations

from collections.abc import Iterable

Rgb = tuple[float, float, float]

# Machado et al. (2009), severity 1.0, for linear RGB.
SIMULATIONS: dict[str, tuple[Rgb, Rgb, Rgb]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def parse(colour: str) -> Rgb:
    """'#rrggbb' as sRGB channels in 0..1."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def linear_rgb(colour: str) -> Rgb:
    r, g, b = parse(colour)
    return (_linear(r), _linear(g), _linear(b))


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    r, g, b = linear_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(colour: str, deficiency: str) -> str:
    """How `colour` looks to someone with `deficiency` (a key of SIMULATIONS), as '#rrggbb'."""
    matrix = SIMULATIONS[deficiency]
    lin = linear_rgb(colour)
    out = [sum(row[i] * lin[i] for i in range(3)) for row in matrix]
    return "#" + "".join(f"{round(_encoded(c) * 255):02x}" for c in out)


def lab(colour: str) -> Rgb:
    """CIELAB (D65 white) of an sRGB colour."""
    r, g, b = linear_rgb(colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def distance(a: str, b: str) -> float:
    """CIE76 ΔE between two colours."""
    la, lb = lab(a), lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5


def closest_pair(colours: Iterable[str], deficiency: str | None = None) -> tuple[float, str, str]:
    """The smallest distance between two of `colours` (as seen with `deficiency`, or normally),
    with the two colours."""
    shown = [(c, simulate(c, deficiency) if deficiency else c) for c in colours]
    best = (float("inf"), "", "")
    for i, (a, sa) in enumerate(shown):
        for b, sb in shown[i + 1:]:
            d = distance(sa, sb)
            if d < best[0]:
                best = (d, a, b)
    return best
