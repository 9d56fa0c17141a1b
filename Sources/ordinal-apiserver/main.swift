print("ordinal-apiserver")
