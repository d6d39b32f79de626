"""The import's rules without frappe: the workbook layout, parsing and the files handed back to users."""
