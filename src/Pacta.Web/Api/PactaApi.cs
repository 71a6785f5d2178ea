namespace Pacta.Web.Api;

internal static class PactaApi
{
    public static void AddPactaApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
    }

    public static void MapPactaApi(this WebApplication app)
    {
        app.MapOpenApi();
    }
}
