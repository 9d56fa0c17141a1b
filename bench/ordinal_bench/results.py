"""Figures gathered by the cases, summarised as median and min–max over runs."""
import statistics


class Figure:
    def __init__(self, section, name, values, unit, target=None, meets=None, note=""):
        self.section = section
        self.name = name
        self.values = [v for v in values if v is not None]
        self.unit = unit
        self.target = target
        self.meets = meets
        self.note = note

    @property
    def median(self):
        return statistics.median(self.values) if self.values else None

    def verdict(self):
        if self.meets is None or self.median is None:
            return ""
        return "yes" if self.meets(self.median) else "**no**"


class Results:
    def __init__(self):
        self.figures = []
        self.tables = []  # (section, title, header, rows) for tables that are not median/min-max figures
        self.notes = []   # (section, text)

    def add(self, section, name, values, unit, target=None, meets=None, note=""):
        figure = Figure(section, name, values, unit, target, meets, note)
        self.figures.append(figure)
        shown = f"{fmt(figure.median)} {unit}" if figure.values else "no value"
        print(f"  {name}: {shown}  (runs: {', '.join(fmt(v) for v in figure.values)})", flush=True)
        return figure

    def table(self, section, title, header, rows):
        self.tables.append((section, title, header, rows))

    def note(self, section, text):
        self.notes.append((section, text))
        print(f"  note: {text}", flush=True)


def fmt(value):
    if value is None:
        return "–"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
