"""UK high-risk-vendor (HRV) exposure: inventory, share measurement, requirements, report.

Reads an operator's network inventory, resolves vendor names, measures the high-risk share per
provider x network x function on a date and evaluates the dated UK requirements (NCSC advice,
2020 policy, the 2022 Designated Vendor Direction) kept as data in ``clearance/law/uk``.
"""
