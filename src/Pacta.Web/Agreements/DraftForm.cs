using System.Globalization;
using Microsoft.Extensions.Primitives;
using Pacta.Core;
using Pacta.Core.Agreements;
using Pacta.Web.Security;

namespace Pacta.Web.Agreements;

/// <summary>
/// The commitment template as a form: the values a page shows (from a version's text, or as posted back after a
/// refusal) and the text a post makes, with each problem keyed by the template's field path (<c>title</c>,
/// <c>milestones[1].endDate</c>), the same paths the operations use. Form names are <c>Draft.*</c>.
/// </summary>
public sealed class DraftForm
{
    /// <summary>Empty milestone rows offered below the filled ones: the form works without script, so rows cannot be added on the page.</summary>
    public const int SpareMilestones = 2;

    public static readonly string[] Bilingual = ["title", "problem", "statusQuo", "objective"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<string> OgpValues { get; } = [];
    public List<string> Supporting { get; } = [];
    public int MilestoneRows { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Value(string name) => _values.GetValueOrDefault(name, "");

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The maximum length of a field, for the form's <c>maxlength</c> and the server's check alike.</summary>
    public static int Max(string name) => name switch
    {
        "title" or "milestone.title" => CommitmentText.MaxTitle,
        "policyArea" => CommitmentText.MaxPolicyArea,
        "reason" or "effect" => ProposeVersion.MaxReason,
        _ => CommitmentText.MaxParagraph,
    };

    public static DraftForm From(CommitmentText? text, LocalizedText? reason = null, LocalizedText? effect = null)
    {
        var form = new DraftForm();
        if (text is not null)
        {
            form.Set("title", text.Title);
            form.Set("problem", text.Problem);
            form.Set("statusQuo", text.StatusQuo);
            form.Set("objective", text.Objective);
            form._values["policyArea"] = text.PolicyArea ?? "";
            form.OgpValues.AddRange(text.OgpValues);
            form._values["lead"] = text.LeadInstitution ?? "";
            form.Supporting.AddRange(text.SupportingInstitutions);
            form._values["start"] = CommitmentText.Iso(text.StartDate) ?? "";
            form._values["end"] = CommitmentText.Iso(text.EndDate) ?? "";
            foreach (var m in text.Milestones)
            {
                var at = Row(m.Number - 1);
                form.Set($"{at}.title", m.Title);
                form._values[$"{at}.responsible"] = m.ResponsibleInstitution ?? "";
                form._values[$"{at}.start"] = CommitmentText.Iso(m.StartDate) ?? "";
                form._values[$"{at}.end"] = CommitmentText.Iso(m.EndDate) ?? "";
                form._values[$"{at}.weight"] = m.Weight?.ToString(CultureInfo.InvariantCulture) ?? "";
            }
            form.MilestoneRows = text.Milestones.Count;
        }
        if (reason is not null) form.Set("reason", reason);
        if (effect is not null) form.Set("effect", effect);
        form.MilestoneRows += SpareMilestones;
        return form;
    }

    /// <summary>Reads a post; <see cref="Errors"/> holds what cannot even be read (control characters, a date that is not one, a weight that is not a number).</summary>
    public static DraftForm Read(IFormCollection posted)
    {
        var form = new DraftForm();
        foreach (var (key, value) in posted)
            if (key.StartsWith("Draft.", StringComparison.Ordinal) && key is not "Draft.ogpValues" and not "Draft.supporting") form._values[key["Draft.".Length..]] = value.ToString();
        form.OgpValues.AddRange(Distinct(posted["Draft.ogpValues"]));
        form.Supporting.AddRange(Distinct(posted["Draft.supporting"]));
        var rows = 0;
        while (rows < CommitmentText.MaxMilestones + SpareMilestones && form._values.Keys.Any(k => k.StartsWith(Row(rows) + ".", StringComparison.Ordinal))) rows++;
        form.MilestoneRows = rows + SpareMilestones;

        foreach (var (name, value) in form._values)
        {
            var field = Field(name);
            var multiline = !name.Contains("title", StringComparison.Ordinal) && name is not ("policyArea" or "lead" or "start" or "end") && !name.StartsWith("milestones", StringComparison.Ordinal);
            if (PlainTextAttribute.Problem(value, multiline) is not null) form.Errors.TryAdd(field, "NotText");
            else if (value.Length > Max(name.StartsWith("milestones", StringComparison.Ordinal) ? "milestone.title" : field)) form.Errors.TryAdd(field, "TooLong");
        }
        return form;
    }

    /// <summary>The text the form holds; a value that could not be read is null in it and named in <see cref="Errors"/>, so the text's own rules can still be checked and every problem shown at once.</summary>
    public CommitmentText Text()
    {
        DateOnly? Date(string name)
        {
            var value = Value(name).Trim();
            if (value.Length == 0) return null;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1990 and <= 2100) return date;
            Errors.TryAdd(Field(name), "NotADate");
            return null;
        }

        var milestones = new List<MilestoneText>();
        for (var row = 0; row < MilestoneRows; row++)
        {
            var at = Row(row);
            var title = Texts($"{at}.title");
            var responsible = Optional($"{at}.responsible");
            var weightText = Value($"{at}.weight").Trim();
            if (title.IsUnknown && responsible is null && Value($"{at}.start").Trim().Length == 0 && Value($"{at}.end").Trim().Length == 0 && weightText.Length == 0) continue;
            var number = milestones.Count + 1;
            var path = string.Create(CultureInfo.InvariantCulture, $"milestones[{number - 1}]");
            decimal? weight = null;
            if (weightText.Length > 0)
            {
                if (decimal.TryParse(weightText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w)) weight = w;
                else Errors.TryAdd($"{path}.weight", "NotANumber");
            }
            var start = Date($"{at}.start");
            var end = Date($"{at}.end");
            // Errors of the row's own cells are keyed by its row; the text's rules, below, by the milestone's number.
            foreach (var key in Errors.Keys.Where(k => at != path && k.StartsWith(at + ".", StringComparison.Ordinal)).ToList())
            {
                Errors[path + key[at.Length..]] = Errors[key];
                Errors.Remove(key);
            }
            milestones.Add(new MilestoneText(number, title, responsible, start, end, weight));
        }

        var text = new CommitmentText(Texts("title"), Optional("policyArea"), Texts("problem"), Texts("statusQuo"), Texts("objective"),
            [.. OgpValues], Optional("lead"), [.. Supporting], Date("start"), Date("end"), milestones);
        return text;
    }

    public LocalizedText Texts(string name) => new(Optional(name + ".es"), Optional(name + ".en"));

    private string? Optional(string name) => Value(name).Trim() is { Length: > 0 } text ? text : null;

    private void Set(string name, LocalizedText text)
    {
        _values[name + ".es"] = text.Es ?? "";
        _values[name + ".en"] = text.En ?? "";
    }

    public static string Row(int row) => string.Create(CultureInfo.InvariantCulture, $"milestones[{row}]");

    /// <summary>The template field a form name belongs to: <c>title.es</c> → <c>title</c>, <c>start</c> → <c>startDate</c>.</summary>
    private static string Field(string name)
    {
        var field = name.EndsWith(".es", StringComparison.Ordinal) || name.EndsWith(".en", StringComparison.Ordinal) ? name[..^3] : name;
        return field switch
        {
            "lead" => "leadInstitution",
            "start" => "startDate",
            "end" => "endDate",
            _ when field.StartsWith("milestones", StringComparison.Ordinal) => field.Replace(".start", ".startDate", StringComparison.Ordinal)
                .Replace(".end", ".endDate", StringComparison.Ordinal).Replace(".responsible", ".responsibleInstitution", StringComparison.Ordinal),
            _ => field,
        };
    }

    private static IEnumerable<string> Distinct(StringValues values) =>
        values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Take(64);
}
