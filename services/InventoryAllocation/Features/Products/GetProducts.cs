using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Products;

public static class GetProducts
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/inventory/products").WithTags("Products");
        products.MapGet("/", List).RequireAuthorization(PlatformPolicies.ReferenceData).WithSummary("The product master, optionally filtered by SKU, UPC, vendor part number or name.");
        products.MapGet("/{sku}", ById).RequireAuthorization(PlatformPolicies.ReferenceData).WithSummary("One product by SKU.")
            .Produces<Product>().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/", RegisterProduct.Handle).RequireAuthorization(PlatformPolicies.MasterData).WithSummary("Registers a product or changes it; Pricing learns it over RabbitMQ.")
            .Produces<Product>(StatusCodes.Status201Created) // a new SKU
            .Produces<Product>() // a SKU changed, or registered again as it is
            .ProducesProblem(StatusCodes.Status409Conflict); // its UPC belongs to another SKU
        return app;
    }

    private static async Task<IReadOnlyList<Product>> List(IQuerySession session, string? search, CancellationToken cancellationToken)
    {
        var query = session.Query<Product>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(p => p.Sku == search || p.Upc == search || p.VendorPartNumber == search
                || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        return await query.OrderBy(p => p.Sku).ToListAsync(cancellationToken);
    }

    private static async Task<IResult> ById(IQuerySession session, string sku, CancellationToken cancellationToken) =>
        await session.LoadAsync<Product>(sku, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");
}
