using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.ForumDocuments;

/// <summary>
/// Writes everything public that the database holds as an <c>open-government-forum/1</c> document,
/// field by field in the order the format lists them. Importing the result into an empty database
/// and exporting again gives the same document.
/// </summary>
/// <remarks>
/// Unknown values are written as null, so a reader sees every field the format has; null and an
/// absent field mean the same ("not recorded"). Organisations are written under their party.
/// </remarks>
public sealed class ExportForumDocument(PactaDbContext db)
{
    public async Task WriteAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().Include(p => p.Organizations).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var participation = await db.ParticipationChanges.AsNoTracking().ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .Include(p => p.Commitments).ThenInclude(c => c.LeadOrganization)
            .Include(p => p.Commitments).ThenInclude(c => c.SupportingInstitutions).ThenInclude(s => s.Organization)
            .Include(p => p.Commitments).ThenInclude(c => c.Milestones).ThenInclude(m => m.ResponsibleOrganization)
            .AsSplitQuery()
            .OrderBy(p => p.Number).ToListAsync(cancellationToken);

        // Relaxed escaping keeps "México" readable in the file; this is a data file, never embedded in HTML.
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", ForumDocument.Format);
        WriteOptional(json, "note", forum?.Source);

        if (forum is not null)
        {
            if (!forum.MemberName.IsUnknown || forum.MemberKind is not null || forum.OgpMemberSince is not null || forum.FoundingMember is not null)
            {
                json.WriteStartObject("member");
                Text(json, "name", forum.MemberName);
                json.WriteString("kind", forum.MemberKind);
                Number(json, "ogpMemberSince", forum.OgpMemberSince);
                Bool(json, "foundingMember", forum.FoundingMember);
                json.WriteEndObject();
            }
            json.WriteStartObject("forum");
            Text(json, "name", forum.Name);
            Text(json, "formerName", forum.FormerName);
            json.WriteStartArray("parties");
            foreach (var party in parties)
            {
                json.WriteStartObject();
                json.WriteString("key", party.Key);
                Text(json, "name", party.Name);
                json.WriteString("decisionRule", PublicNames.Name(party.DecisionRule));
                json.WriteStartArray("organizations");
                foreach (var organization in party.Organizations.OrderBy(o => o.Position).ThenBy(o => o.ShortName, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("short", organization.ShortName);
                    Text(json, "name", organization.Name);
                    if (organization.Fictional) json.WriteBoolean("fictional", true);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteStartArray("participationEvents");
        foreach (var change in participation.OrderBy(c => c.Date).ThenBy(c => c.PartyKey, StringComparer.Ordinal).ThenBy(c => c.Status))
        {
            json.WriteStartObject();
            json.WriteString("date", change.Date.ToString());
            json.WriteString("party", change.PartyKey);
            json.WriteString("status", PublicNames.Name(change.Status));
            json.WriteString("source", change.Source);
            Strings(json, "grounds", change.Grounds);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("plans");
        foreach (var plan in plans)
        {
            json.WriteStartObject();
            json.WriteNumber("number", plan.Number);
            Text(json, "title", plan.Title);
            if (plan.PeriodFrom is not null || plan.PeriodTo is not null || plan.ExtendedTo is not null)
            {
                json.WriteStartObject("period");
                Date(json, "from", plan.PeriodFrom);
                Date(json, "to", plan.PeriodTo);
                Date(json, "extendedTo", plan.ExtendedTo);
                json.WriteEndObject();
            }
            if (plan.State is { } state) json.WriteString("state", PublicNames.Name(state));
            if (plan.Fictional) json.WriteBoolean("fictional", true);
            if (plan.Source != forum?.Source) WriteOptional(json, "source", plan.Source);
            if (plan.ConsultationFrom is not null || plan.ConsultationTo is not null || plan.OnlineParticipants is not null || plan.InPersonParticipants is not null)
            {
                json.WriteStartObject("cocreation");
                if (plan.ConsultationFrom is not null || plan.ConsultationTo is not null)
                {
                    json.WriteStartObject("consultation");
                    Date(json, "from", plan.ConsultationFrom);
                    Date(json, "to", plan.ConsultationTo);
                    json.WriteEndObject();
                }
                Number(json, "onlineParticipants", plan.OnlineParticipants);
                Number(json, "inPersonParticipants", plan.InPersonParticipants);
                json.WriteEndObject();
            }
            int?[] results = [plan.IrmEarlyResultsMarginal, plan.IrmEarlyResultsMajor, plan.IrmEarlyResultsOutstanding, plan.IrmEarlyResultsNoEvidence];
            if (plan.IrmRelevantToOgpValues is not null || plan.IrmTransformative is not null || results.Any(r => r is not null))
            {
                json.WriteStartObject("irm");
                Number(json, "relevantToOgpValues", plan.IrmRelevantToOgpValues);
                Number(json, "transformative", plan.IrmTransformative);
                if (results.Any(r => r is not null))
                {
                    json.WriteStartObject("earlyResults");
                    Number(json, "marginal", plan.IrmEarlyResultsMarginal);
                    Number(json, "major", plan.IrmEarlyResultsMajor);
                    Number(json, "outstanding", plan.IrmEarlyResultsOutstanding);
                    Number(json, "noEvidence", plan.IrmEarlyResultsNoEvidence);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteStartArray("commitments");
            foreach (var commitment in plan.Commitments.OrderBy(c => c.Position))
            {
                json.WriteStartObject();
                json.WriteString("code", commitment.Code);
                Text(json, "title", commitment.Title);
                json.WriteString("policyArea", commitment.PolicyArea);
                Text(json, "problem", commitment.Problem);
                Text(json, "statusQuo", commitment.StatusQuo);
                Text(json, "objective", commitment.Objective);
                if (commitment.OgpValues is null) json.WriteNull("ogpValues");
                else Strings(json, "ogpValues", commitment.OgpValues);
                json.WriteString("lead", commitment.LeadOrganization?.ShortName);
                Strings(json, "supporting", commitment.SupportingInstitutions.OrderBy(s => s.Position).Select(s => s.Organization!.ShortName));
                Date(json, "start", commitment.StartDate);
                Date(json, "end", commitment.EndDate);
                Date(json, "shortTermDeadline", commitment.ShortTermDeadline);
                Bool(json, "verifiable", commitment.Verifiable);
                if (commitment.Milestones.Count > 0)
                {
                    json.WriteStartArray("milestones");
                    foreach (var milestone in commitment.Milestones.OrderBy(m => m.Number))
                    {
                        json.WriteStartObject();
                        Text(json, "title", milestone.Title);
                        json.WriteString("responsible", milestone.ResponsibleOrganization?.ShortName);
                        Date(json, "start", milestone.StartDate);
                        Date(json, "end", milestone.EndDate);
                        if (milestone.Weight is { } weight) json.WriteNumber("weight", Plain(weight));
                        else json.WriteNull("weight");
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        // A text file ends with a newline: `cat`, diff and git treat it as complete.
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The weight without the trailing zeros of the column's scale (PostgreSQL returns 20.0000 for 20),
    /// so that an export does not depend on the database it came from.
    /// </summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void Text(Utf8JsonWriter json, string name, LocalizedText text)
    {
        if (text.IsUnknown)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("es", text.Es);
        json.WriteString("en", text.En);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, string name, PartialDate? date) => json.WriteString(name, date?.ToString());

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v) json.WriteBoolean(name, v);
        else json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
