"""Customer Data Check (数据清洗): stored customers whose values fail today's rules."""
