using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>What the host prints once it listens: its mode, where to open it, and loudly, that dev sign-in is on.</summary>
public static class StandaloneBanner
{
    public static void Print(WebApplication app, StandaloneSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? StandaloneSettings.DefaultUrl;
        if (settings.DevSignIn)
        {
            Console.WriteLine("""
                ************************************************************************
                WARNING: development sign-in is ON. Anyone who can reach this host can
                get a token for any demo user at POST /dev/token. Never expose it.
                It is on in the Development environment (the launch profile that
                dotnet run uses) or with --dev-sign-in true. Turn it off with
                --dev-sign-in false.
                ************************************************************************
                """);
        }

        Console.WriteLine($"Mode: {settings.Mode}");
        Console.WriteLine($"Data folder: {settings.DataFolder}");
        Console.WriteLine($"Storage: {settings.StorageDescription}");
        if (settings.ClockOffset != TimeSpan.Zero)
        {
            Console.WriteLine($"Clock: {settings.ClockOffset} ahead of the system clock (--dev-clock-offset).");
        }

        Console.WriteLine($"LegalAidReferral is running. Open {url}/");
    }
}
