namespace LegalAidReferral.Infrastructure.Storage;

/// <summary>The storage configuration cannot work; the message names the setting to fix.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
