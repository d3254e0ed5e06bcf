namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>The console texts the browser tests look for, by browser language.</summary>
public static class Texts
{
    public static readonly IReadOnlyDictionary<string, string> SignIn = new Dictionary<string, string>
    {
        ["es"] = "Iniciar sesión", ["en"] = "Sign in", ["fr"] = "Se connecter", ["pt"] = "Entrar", ["ht"] = "Konekte",
    };
}
