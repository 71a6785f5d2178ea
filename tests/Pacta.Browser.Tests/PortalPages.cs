namespace Pacta.Browser.Tests;

/// <summary>
/// A public page as a reader finds it: its path without the language segment, the heading it shows
/// in each language (the h1 contains it), and the status it answers with.
/// </summary>
public sealed record PortalPage(string Name, string Path, string HeadingEs, string HeadingEn, int Status = 200)
{
    public string Heading(string language) => language == "en" ? HeadingEn : HeadingEs;

    /// <summary><c>/es/plans/4</c> for <c>/plans/4</c> in Spanish; <c>/es/</c> for the home page.</summary>
    public string PathIn(string language) => "/" + language + Path;
}

/// <summary>
/// Every public page of the portal, in one table; each browser test takes its pages from here.
/// Headings come from the seeded data (testdata/mx-forum.json, testdata/sample-plan.json) and the
/// localized texts (src/Pacta.Web/Localization).
/// </summary>
public static class PortalPages
{
    public static readonly IReadOnlyList<string> Languages = ["es", "en"];

    public static readonly IReadOnlyList<PortalPage> All =
    [
        new("home", "/", "Comité Coordinador de la Alianza para el Gobierno Abierto en México", "Coordinating Committee of the Open Government Partnership in Mexico"),
        new("party-executive", "/parties/executive", "Poder Ejecutivo Federal", "Federal Executive"),
        new("party-guarantor", "/parties/guarantor", "Órgano garante", "Guarantor body"),
        new("party-civil-society", "/parties/civil-society", "Núcleo de Organizaciones de la Sociedad Civil (NOSC)", "Civil Society Organizations Core Group"),
        new("organizations", "/organizations", "Organizaciones", "Organizations"),
        new("plans", "/plans", "Planes de acción", "Action plans"),
        new("plan-4", "/plans/4", "Cuarto Plan de Acción Nacional de Gobierno Abierto 2019-2021", "Fourth National Action Plan 2019-2021"),
        new("plan-99", "/plans/99", "Plan de acción de ejemplo 2025-2027 (ficticio)", "Sample action plan 2025-2027 (fictional)"),
        new("plan-99-dashboard", "/plans/99/dashboard", "Tablero de avance", "Progress dashboard"),
        new("plan-99-stages", "/plans/99/stages", "Etapas del plan 99", "Stages of plan 99"),
        new("plan-100", "/plans/100", "Plan de acción de ejemplo 2027-2029 (ficticio), en co-creación", "Sample action plan 2027-2029 (fictional), in co-creation"),
        new("commitment-MX0075", "/commitments/MX0075", "Gasto abierto y responsable en programas sociales", "Citizen Oversight of Social Program Spending"),
        new("commitment-MX0076", "/commitments/MX0076", "Incidencia ciudadana para el desarrollo rural sustentable", "Citizen Participation in Sustainable Rural Development"),
        new("commitment-MX0081", "/commitments/MX0081", "Controles democráticos a las intervenciones de comunicaciones privadas", "Technology Rights and Privacy"),
        new("commitment-DEMO01", "/commitments/DEMO01", "Contrataciones abiertas en obra pública", "Open contracting in public works"),
        new("record", "/record", "Registro público", "Public record"),
        new("record-older", "/record?before=18", "Registro público", "Public record"),
        new("record-entry-0", "/record/entries/0", "Entrada 0 del registro", "Record entry 0"),
        new("record-entry-42", "/record/entries/42", "Entrada 42 del registro", "Record entry 42"),
        new("record-verify", "/record/verify", "Cómo verificar el registro por su cuenta", "How to verify the record yourself"),
        new("record-entry-unsigned", "/record/entries/44", "Página no encontrada", "Page not found", Status: 404),
        new("not-found", "/commitments/XX9999", "Página no encontrada", "Page not found", Status: 404),
    ];

    /// <summary>The pages repeated without JavaScript and at a phone's size.</summary>
    public static readonly IReadOnlyList<string> Main = ["home", "plan-4", "commitment-MX0081", "record", "record-entry-42", "record-verify"];

    public static PortalPage Named(string name) => All.Single(p => p.Name == name);

    public static TheoryData<string, string> EveryPageInBothLanguages => InBothLanguages(All.Select(p => p.Name));

    public static TheoryData<string, string> MainPagesInBothLanguages => InBothLanguages(Main);

    private static TheoryData<string, string> InBothLanguages(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in names)
            foreach (var language in Languages)
                data.Add(name, language);
        return data;
    }
}
