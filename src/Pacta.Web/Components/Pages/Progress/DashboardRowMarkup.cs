using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Pacta.Web.Progress;

namespace Pacta.Web.Components.Pages.Progress;

/// <summary>
/// The dashboard's rows as HTML, each rendered by <see cref="DashboardTableRow"/> in the current culture: the same markup
/// the page would render row by row, made once per view and language (<see cref="PlanDashboardView.RowMarkupAsync"/>)
/// instead of once per request. A signed-in reader's page is rendered on every request (never from the output cache),
/// and 200 rows of components were most of its cost.
/// </summary>
internal static class DashboardRowMarkup
{
    /// <summary>The key of the culture the markup is rendered in: numbers and dates follow one, words the other.</summary>
    public static string CultureKey => CultureInfo.CurrentCulture.Name + "|" + CultureInfo.CurrentUICulture.Name;

    public static async Task<IReadOnlyDictionary<string, string>> RenderAsync(IServiceProvider services, ILoggerFactory loggers, PlanDashboardView view)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var tracked = view.Plan.State is not null;
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The renderer's dispatcher may run this elsewhere: the markup is in the culture it was asked in.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            var markup = new Dictionary<string, string>(view.Rows.Count, StringComparer.Ordinal);
            foreach (var row in view.Rows)
            {
                var output = await renderer.RenderComponentAsync<DashboardTableRow>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(DashboardTableRow.Code)] = row.Code,
                    [nameof(DashboardTableRow.Title)] = row.Title,
                    [nameof(DashboardTableRow.Status)] = row.Status,
                    [nameof(DashboardTableRow.Completion)] = row.Completion,
                    [nameof(DashboardTableRow.Lead)] = row.Lead,
                    [nameof(DashboardTableRow.LastReport)] = row.LastReport,
                    [nameof(DashboardTableRow.Tracked)] = tracked,
                }));
                markup[row.Code] = output.ToHtmlString();
            }
            return (IReadOnlyDictionary<string, string>)markup;
        });
    }
}
