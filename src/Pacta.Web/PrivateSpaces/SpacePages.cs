using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.PrivateSpaces;

namespace Pacta.Web.PrivateSpaces;

/// <summary>What every page of a private space starts with: its party, and its sealer or the news that the key is not here.</summary>
internal static class SpacePages
{
    public static Task<Party?> PartyAsync(PactaDbContext db, string partyKey) =>
        db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Key == partyKey);

    /// <summary>The party's sealer, or null when its key cannot be unwrapped here (the page says so; it is not an error of the page).</summary>
    public static async Task<SpaceSealer?> OpenAsync(PactaDbContext db, IPartyKeyProtector protector, string partyKey, TimeProvider time)
    {
        try
        {
            return await new OpenPartySpace(db, protector).ExecuteAsync(partyKey, time.GetUtcNow());
        }
        catch (SpaceKeyUnavailableException)
        {
            return null;
        }
    }

    public static string SpacePath(string partyKey) => $"/{Localization.Formats.Language}/parties/{Uri.EscapeDataString(partyKey)}/space";

    public static string ThreadPath(string partyKey, Guid thread) => $"{SpacePath(partyKey)}/threads/{thread}";

    public static string DocumentPath(string partyKey, Guid document) => $"{SpacePath(partyKey)}/documents/{document}";

    /// <summary>Bytes for people: "2.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{Localization.Formats.Number(bytes)} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)} KB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)} MB",
    };
}
