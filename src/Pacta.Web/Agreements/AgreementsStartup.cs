using Pacta.Core.Agreements;
using Pacta.Web.People;

namespace Pacta.Web.Agreements;

/// <summary>Co-creation and agreement (docs/adr/0004-agreements.md): the relying party votes are signed for, and the passkey options of a vote.</summary>
internal static class AgreementsStartup
{
    public static void AddPactaAgreements(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(services =>
        {
            var settings = services.GetRequiredService<AccountSettings>();
            return new RelyingParty(settings.RelyingPartyId, settings.Origins);
        });

    public static void MapPactaAgreements(this WebApplication app) => app.MapVoteEndpoints();
}
