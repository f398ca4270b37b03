using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SefData.Data;

/// <summary>
/// ExecuteUpdate/ExecuteDelete go straight to SQL and would skip the domain rules and the version bump, so the
/// context refuses them: every write goes through SaveChanges.
/// </summary>
internal sealed class BulkWriteGuard : IQueryExpressionInterceptor
{
    public static readonly BulkWriteGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (queryExpression is MethodCallExpression { Method.Name: "ExecuteUpdate" or "ExecuteDelete" } call
            && call.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions))
            throw new InvalidOperationException(
                $"{call.Method.Name} bypasses the SefData domain rules and optimistic concurrency; load the rows and use SaveChanges.");
        return queryExpression;
    }
}
