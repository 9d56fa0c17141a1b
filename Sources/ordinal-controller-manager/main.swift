// The controller manager: flags → client → controllers.
print("ordinal-controller-manager")
