/// The members of a config object, read by key; knows which keys are allowed at its level.
struct ConfigObject {
  /// The members.
  let object: JSONObject
  /// The object itself, for its key path and location.
  let base: ConfigValue
  /// The keys this object may have, in the order the docs list them.
  let knownKeys: [String]

  /// The member `key`, or nil when it is absent.
  func optional(_ key: String) -> ConfigValue? {
    object[key].map { ConfigValue(value: $0, path: base.path + [.key(key)], source: base.source) }
  }

  /// The member `key`, or nil when it is absent or `null`.
  func optionalNullable(_ key: String) -> ConfigValue? {
    guard let member = optional(key), !member.value.isNull else { return nil }
    return member
  }

  /// The member `key`; its absence is an error pointing at this object, with `hint` saying
  /// what the key is for.
  func required(_ key: String, hint: String) throws(ConfigError) -> ConfigValue {
    guard let member = optional(key) else {
      throw missing(key, message: "required key is missing (\(hint))")
    }
    return member
  }

  /// An error about a key that this object lacks, pointing at the object.
  func missing(_ key: String, message: String) -> ConfigError {
    ConfigError(
      file: base.source.file, location: base.source.document?.location(ofValueAt: base.path),
      keyPath: JSONPathComponent.text(of: base.path + [.key(key)]), message: message)
  }

  /// An error about the key (not the value) of member `key`, pointing at the key.
  func keyError(_ key: String, message: String) -> ConfigError {
    let path = base.path + [.key(key)]
    return ConfigError(
      file: base.source.file, location: base.source.document?.location(ofKeyAt: path),
      keyPath: JSONPathComponent.text(of: path), message: message)
  }

  /// Throws for the first key that is not known at this level.
  func rejectUnknownKeys() throws(ConfigError) {
    for key in object.keys where !knownKeys.contains(key) {
      throw keyError(key, message: "unknown key; " + suggestion(for: key))
    }
  }

  /// `did you mean "batch_size"?` when a known key is a likely typo of `key`, otherwise the list
  /// of known keys.
  private func suggestion(for key: String) -> String {
    let ranked = knownKeys.map { (key: $0, distance: key.editDistance(to: $0)) }
    if let best = ranked.min(by: { $0.distance < $1.distance }),
      best.distance <= max(2, best.key.count / 3)
    {
      return "did you mean \(JSONWriter.quoted(best.key))?"
    }
    return "known keys here: " + knownKeys.map(JSONWriter.quoted).joined(separator: ", ")
  }
}
