"""Connections frames built by hand for the chapter 7 tests (as ``read_connections`` returns)."""

from __future__ import annotations

import pandas as pd


def frame_of(dates, companies=None, positions=None) -> pd.DataFrame:
    """One connection per date, at the given companies and positions (Acme, Engineer)."""
    n = len(dates)
    return pd.DataFrame({
        "company": pd.array(companies if companies is not None else ["Acme"] * n,
                            dtype="string"),
        "position": pd.array(positions if positions is not None else ["Engineer"] * n,
                             dtype="string"),
        "connected_on": pd.to_datetime(dates),
    })


def monthly(gains) -> pd.DataFrame:
    """A network gaining ``gains[i]`` connections in month i, from January 2015."""
    dates = [pd.Timestamp("2015-01-01") + pd.DateOffset(months=i) + pd.Timedelta(days=day)
             for i, gain in enumerate(gains) for day in range(gain)]
    return frame_of(dates)
