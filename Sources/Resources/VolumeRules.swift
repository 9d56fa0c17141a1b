import APIMachinery

/// Rules PersistentVolume and PersistentVolumeClaim share: access modes, volume modes, storage quantities.
enum VolumeRules {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
    static let volumeModes = ["Block", "Filesystem"]

    /// Errors of `accessModes` at `field`: at least one, each known, and ReadWriteOncePod alone.
    static func validateAccessModes(_ modes: JSON, at field: String) -> [FieldError] {
        let list = modes.arrayValue ?? []
        if list.isEmpty { return [.required(field, "at least 1 access mode is required")] }
        var errors: [FieldError] = []
        for mode in list where !accessModes.contains(mode.stringValue ?? "") {
            errors.append(.notSupported(field, mode, supported: accessModes))
        }
        if list.contains("ReadWriteOncePod") && list.count > 1 {
            errors.append(.forbidden(field, "may not use ReadWriteOncePod with other access modes"))
        }
        return errors
    }

    static func validateVolumeMode(_ mode: JSON, at field: String) -> [FieldError] {
        guard !mode.isNull, !volumeModes.contains(mode.stringValue ?? "") else { return [] }
        return [.notSupported(field, mode, supported: volumeModes)]
    }

    /// Errors of the `storage` entry of a resource list at `path` (`spec.resources.requests`): present,
    /// a quantity, and above zero. `reportedAs` is the field path errors name, as upstream names it.
    static func validateStorage(in list: JSON, reportedAs field: String) -> [FieldError] {
        let value = list["storage"]
        if value.isNull { return [.required(field)] }
        guard let quantity = Quantity(json: value) else { return [.invalid(field, value, Quantity.formatDetail)] }
        return quantity.isNegative || quantity.isZero ? [.invalid(field, value, "must be greater than zero")] : []
    }

    /// Errors of every quantity in a resource list at `path`, other than a missing `storage`.
    static func validateQuantities(in list: JSON, at path: String) -> [FieldError] {
        (list.objectValue ?? [:]).compactMap { name, value in
            guard let quantity = Quantity(json: value) else { return .invalid("\(path)[\(name)]", value, Quantity.formatDetail) }
            return quantity.isNegative ? .invalid("\(path)[\(name)]", value, "must be greater than or equal to 0") : nil
        }
    }
}
