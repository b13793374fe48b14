WHO = "a module in a namespace package"
