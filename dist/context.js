export function todayIso(ctx) {
    return ctx.now().toISOString().slice(0, 10);
}
