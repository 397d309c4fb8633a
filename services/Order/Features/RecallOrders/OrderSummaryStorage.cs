using Marten;
using Marten.Schema;
using Weasel.Postgresql.Tables;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>
/// Where ORD-6's summaries live and what backs each filter of the search (<see cref="OrderSearchSql"/>): every searched
/// or sorted member is a column of its own (a Marten duplicated field, kept by every store and bulk insert), with exactly
/// the indexes the search's predicates use, and no others (each costs every summary write).
/// <list type="bullet">
/// <item>confirmation number: the primary key; order id, customer id, e-mail key, phone key: btree equality;</item>
/// <item>customer name: a prefix, on a btree (name text_pattern_ops, created, id). Not "contains" with pg_trgm's GIN
/// index: with a million orders a name's common trigrams made each search read and recheck every candidate row
/// (23 ms of index work for "lana be", against 1 ms for the prefix's range);</item>
/// <item>store, status, channel, dates: btree (store, status, created), (status, created), (channel, created), (created),
/// each also giving the list its default order (created, newest first) without a sort of everything matched;</item>
/// <item>total: btree, for the sort by total;</item>
/// <item>the other stores whose terminals may read the order (a pickup counter, a stockroom): GIN over the array, for a
/// terminal's rights filter (<c>@&gt;</c>) beside the btree indexes that lead with the order's store.</item>
/// </list>
/// </summary>
public static class OrderSummaryStorage
{
    public const string Table = "mt_doc_ordersummary";

    private static readonly string[] Duplicated =
    [
        nameof(OrderSummary.OrderId), nameof(OrderSummary.StoreId), nameof(OrderSummary.Channel), nameof(OrderSummary.Status),
        nameof(OrderSummary.Total), nameof(OrderSummary.CreatedAt), nameof(OrderSummary.CustomerId), nameof(OrderSummary.CustomerNameKey),
        nameof(OrderSummary.CustomerEmailKey), nameof(OrderSummary.CustomerPhoneKey),
    ];

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<OrderSummary>();
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(OrderSummary))
                Map(mapping);
        });
    }

    private static void Map(DocumentMapping mapping)
    {
        foreach (var member in Duplicated)
            mapping.DuplicateField(member); // a column without an index of its own: the indexes follow
        // text[], not Marten's varchar[]: its bulk insert writes the array's elements as text, which COPY takes only into text[].
        mapping.DuplicateField(nameof(OrderSummary.OtherStores), pgType: "text[]");
        Btree(mapping, "order_id");
        Btree(mapping, "customer_id");
        Btree(mapping, "customer_email_key");
        Btree(mapping, "customer_phone_key");
        Btree(mapping, "store_id", "status", "created_at");
        Btree(mapping, "status", "created_at");
        Btree(mapping, "channel", "created_at");
        Btree(mapping, "created_at");
        Btree(mapping, "total");
        // text_pattern_ops: LIKE 'prefix%' is a range of it whatever the database's collation; created and id make it
        // cover the search's order, the stores a terminal's rights, so a name's matches are found, checked, counted and
        // ordered without reading a row.
        mapping.Indexes.Add(new IndexDefinition($"{Table}_idx_customer_name_key")
        {
            Columns = ["customer_name_key text_pattern_ops", "created_at", "id"],
            IncludeColumns = ["store_id", "other_stores"],
        });
        mapping.Indexes.Add(new IndexDefinition($"{Table}_idx_other_stores") { Method = IndexMethod.gin, Columns = ["other_stores"] });
    }

    private static void Btree(DocumentMapping mapping, params string[] columns) =>
        mapping.Indexes.Add(new IndexDefinition($"{Table}_idx_{string.Join('_', columns)}") { Columns = columns });
}
