using System.Globalization;

namespace Pacta.Web.Api;

/// <summary>
/// A plan's commitments as a CSV file, one row per commitment, for people who read open data in a
/// spreadsheet. Columns, named after OGP's commitment template fields where it has one:
/// <list type="table">
/// <item><term>code</term><description>OGP commitment code (MX0075)</description></item>
/// <item><term>plan</term><description>action plan number</description></item>
/// <item><term>title_es, title_en</term><description>title in Spanish and English</description></item>
/// <item><term>policy_area</term><description>OGP policy area (Civic Space)</description></item>
/// <item><term>lead_institution</term><description>short name of the lead institution</description></item>
/// <item><term>supporting_institutions</term><description>short names, separated by "; "</description></item>
/// <item><term>ogp_values</term><description>OGP value codes, separated by "; "</description></item>
/// <item><term>problem_es, problem_en, status_quo_es, status_quo_en, objective_es, objective_en</term><description>template texts</description></item>
/// <item><term>start_date, end_date, short_term_deadline</term><description>ISO 8601 at the precision known</description></item>
/// <item><term>verifiable</term><description>IRM verifiability: true, false, or empty when not assessed</description></item>
/// <item><term>provenance</term><description>imported-from-public-sources</description></item>
/// <item><term>fictional</term><description>true for the fictional sample plan</description></item>
/// </list>
/// An empty cell means the source does not give the value. Milestones are not here (one row per
/// commitment); they are in the JSON of each commitment.
/// </summary>
internal static class CommitmentsCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "plan", "title_es", "title_en", "policy_area", "lead_institution", "supporting_institutions", "ogp_values",
        "problem_es", "problem_en", "status_quo_es", "status_quo_en", "objective_es", "objective_en",
        "start_date", "end_date", "short_term_deadline", "verifiable", "provenance", "fictional",
    ];

    public static string FileName(int plan) => string.Create(CultureInfo.InvariantCulture, $"plan-{plan}-commitments.csv");

    public static byte[] Write(IEnumerable<CommitmentDto> commitments)
    {
        var csv = new Csv();
        csv.WriteRow([.. Columns]);
        foreach (var c in commitments)
        {
            csv.WriteRow(
                c.Code,
                c.Plan.ToString(CultureInfo.InvariantCulture),
                c.Title.Es, c.Title.En,
                c.PolicyArea,
                c.LeadInstitution,
                string.Join("; ", c.SupportingInstitutions),
                c.OgpValues is null ? null : string.Join("; ", c.OgpValues),
                c.Problem.Es, c.Problem.En,
                c.StatusQuo.Es, c.StatusQuo.En,
                c.Objective.Es, c.Objective.En,
                c.StartDate, c.EndDate, c.ShortTermDeadline,
                Boolean(c.Verifiable),
                c.Provenance,
                Boolean(c.Fictional));
        }
        return csv.ToBytes();
    }

    private static string? Boolean(bool? value) => value switch
    {
        null => null,
        true => "true",
        false => "false",
    };
}
