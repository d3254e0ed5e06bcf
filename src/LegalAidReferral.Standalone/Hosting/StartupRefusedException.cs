namespace LegalAidReferral.Standalone.Hosting;

/// <summary>The host's options contradict each other; the message is the one line the host prints before it exits.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
