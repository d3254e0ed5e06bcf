namespace LegalAidReferral.Functions.Operations;

/// <summary>The OpenAPI document embedded in this assembly.</summary>
public static class OpenApiDocument
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in the Functions assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[] Bytes => Content.Value;
}
