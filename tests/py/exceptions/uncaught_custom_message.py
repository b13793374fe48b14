raise ValueError("custom message with 'quotes' and unicode é")
