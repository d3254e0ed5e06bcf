namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>A fresh folder for one test's data, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("legalaidreferral-e2e-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed host may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
