#!/usr/bin/env python3
"""Writes a fictional forum document with one plan of 200 commitments and 2,000 milestones, in implementation,
for bench/load.sh's dashboard figures. Its institutions are the sample plan's (testdata/sample-plan.json), imported
before it. Usage: bench/dashboard-plan.py OUT.json [COMMITMENTS=200] [MILESTONES_EACH=10]"""
import json, sys

out = sys.argv[1]
commitments = int(sys.argv[2]) if len(sys.argv) > 2 else 200
each = int(sys.argv[3]) if len(sys.argv) > 3 else 10
institutions = ["SEJ", "AGE", "OGE", "Colectivo Ejemplo", "Red Ejemplo"]
plan = {
    "number": 98,
    "title": {"es": "Plan de carga (ficticio)", "en": "Load plan (fictional)"},
    "period": {"from": "2025-01", "to": "2027-12", "extendedTo": None},
    "state": "implementation",
    "fictional": True,
    "commitments": [],
}
for c in range(commitments):
    milestones = []
    for m in range(each):
        # Spread over 2025-2027, so today some are overdue, some stalled, some not due.
        year = 2025 + (c + m) % 3
        milestones.append({
            "title": {"es": f"Hito {m + 1} del compromiso {c + 1}", "en": None},
            "responsible": institutions[(c + m) % len(institutions)],
            "start": f"{year}-01", "end": f"{year}-{(m % 12) + 1:02d}",
            "weight": 10,
        })
    plan["commitments"].append({
        "code": f"LOAD{c + 1:03d}",
        "title": {"es": f"Compromiso de carga {c + 1}", "en": f"Load commitment {c + 1}"},
        "lead": institutions[c % len(institutions)],
        "milestones": milestones,
    })
json.dump({"format": "open-government-forum/1", "note": "Fictional load data for bench/load.sh.", "plans": [plan]}, open(out, "w"), ensure_ascii=False)
