"""Customer stocktake (客户盘点): value tiers and data quality of every customer, run by run."""
