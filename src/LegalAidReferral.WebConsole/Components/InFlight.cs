namespace LegalAidReferral.WebConsole.Components;

/// <summary>
/// The request a button started, while it is on its way: the button shows <see cref="Busy"/> as disabled, a second
/// click runs nothing, and the flag is cleared however the request ends (a thrown exception too).
/// </summary>
public sealed class InFlight
{
    public bool Busy { get; private set; }

    public async Task RunAsync(Func<Task> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await request();
        }
        finally
        {
            Busy = false;
        }
    }
}
