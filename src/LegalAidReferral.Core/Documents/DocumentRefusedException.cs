namespace LegalAidReferral.Core.Documents;

public enum DocumentRefusal
{
    Empty,
    TooLarge,
    TypeNotAllowed,
}

/// <summary>Thrown by <see cref="DocumentUpload"/> while it is read, so the store that reads it stops and keeps nothing.</summary>
public sealed class DocumentRefusedException : Exception
{
    public DocumentRefusedException()
    {
    }

    public DocumentRefusedException(string message)
        : base(message)
    {
    }

    public DocumentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentRefusedException(DocumentRefusal refusal)
        : base($"The document was refused: {refusal}.") => Refusal = refusal;

    public DocumentRefusal Refusal { get; }
}
