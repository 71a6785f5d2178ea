using System.Globalization;
using Microsoft.Extensions.Localization;
using Pacta.Core.Agreements;
using Pacta.Web.Localization;

namespace Pacta.Web.Agreements;

/// <summary>What the agreement pages share: a version's text as lines a reader compares.</summary>
internal static class AgreementPages
{
    /// <summary>The word-level difference of every field of two texts, in the template's order; unchanged fields are left out.</summary>
    public static List<(string Label, IReadOnlyList<DiffPart> Parts)> Compare(CommitmentText older, CommitmentText newer, IStringLocalizer<Text> t)
    {
        var a = Lines(older, t);
        var b = Lines(newer, t);
        var labels = a.Select(l => l.Label).Union(b.Select(l => l.Label)).ToList();
        var result = new List<(string, IReadOnlyList<DiffPart>)>();
        foreach (var label in labels)
        {
            var before = a.FirstOrDefault(l => l.Label == label).Text;
            var after = b.FirstOrDefault(l => l.Label == label).Text;
            if (before == after) continue;
            result.Add((label, WordDiff.Between(before, after)));
        }
        return result;
    }

    /// <summary>A text as labelled lines: each bilingual field once per language, each milestone as one line.</summary>
    public static List<(string Label, string? Text)> Lines(CommitmentText text, IStringLocalizer<Text> t)
    {
        string Label(string key, string? language = null) => language is null ? t[key].Value : $"{t[key].Value} ({t[$"InLanguage_{language}"].Value})";
        var lines = new List<(string, string?)>
        {
            (Label("Title", "es"), text.Title.Es), (Label("Title", "en"), text.Title.En),
            (Label("PolicyArea"), text.PolicyArea),
            (Label("Problem", "es"), text.Problem.Es), (Label("Problem", "en"), text.Problem.En),
            (Label("StatusQuo", "es"), text.StatusQuo.Es), (Label("StatusQuo", "en"), text.StatusQuo.En),
            (Label("Objective", "es"), text.Objective.Es), (Label("Objective", "en"), text.Objective.En),
            (Label("OgpValues"), string.Join(", ", text.OgpValues.Select(v => Formats.Vocabulary(t, "OgpValue", v)))),
            (Label("LeadInstitution"), text.LeadInstitution),
            (Label("SupportingInstitutions"), string.Join(", ", text.SupportingInstitutions)),
            (Label("StartDate"), CommitmentText.Iso(text.StartDate)),
            (Label("EndDate"), CommitmentText.Iso(text.EndDate)),
        };
        foreach (var m in text.Milestones)
        {
            lines.Add((t["MilestoneN", m.Number].Value, string.Join(" · ", new[]
            {
                m.Title.Es, m.Title.En, m.ResponsibleInstitution,
                $"{CommitmentText.Iso(m.StartDate) ?? "?"} – {CommitmentText.Iso(m.EndDate) ?? "?"}",
                m.Weight is { } w ? t["WeightN", w.ToString("0.####", CultureInfo.CurrentCulture)].Value : null,
            }.Where(p => !string.IsNullOrEmpty(p)))));
        }
        return lines;
    }
}
