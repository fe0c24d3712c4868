/** Public shapes of the solver and the input checks shared by the solver and the verifier. */
/** Throws RangeError naming the first problem found; returns the checked numbers. */
export function validateInput(input) {
    const { students, mentors, capacity, scores } = input;
    if (!Number.isSafeInteger(students) || students < 0) {
        throw new RangeError(`students must be an integer >= 0, got ${String(students)}`);
    }
    if (!Number.isSafeInteger(mentors) || mentors < 0) {
        throw new RangeError(`mentors must be an integer >= 0, got ${String(mentors)}`);
    }
    if (!(scores instanceof Float64Array))
        throw new RangeError('scores must be a Float64Array');
    if (scores.length !== students * mentors) {
        throw new RangeError(`scores must have students*mentors = ${students * mentors} entries, got ${scores.length}`);
    }
    if (capacity == null || capacity.length !== mentors) {
        throw new RangeError(`capacity must have ${mentors} entries (one per mentor), got ${capacity?.length}`);
    }
    for (let j = 0; j < mentors; j++) {
        const c = capacity[j];
        if (!Number.isInteger(c) || c < 0) {
            throw new RangeError(`capacity[${j}] must be an integer >= 0, got ${String(c)}`);
        }
    }
    for (let x = 0; x < scores.length; x++) {
        const s = scores[x];
        // -Infinity means forbidden; NaN or +Infinity would make "best" meaningless.
        if (Number.isNaN(s) || s === Infinity) {
            const i = Math.floor(x / mentors);
            throw new RangeError(`scores[${x}] (student ${i}, mentor ${x - i * mentors}) must be finite or -Infinity, got ${s}`);
        }
    }
    return { students, mentors, scores };
}
/** A capacity above the number of students can never bind, so it is clamped to fit an Int32Array. */
export function clampCapacity(capacity, students) {
    const cap = new Int32Array(capacity.length);
    for (let j = 0; j < capacity.length; j++)
        cap[j] = Math.min(capacity[j], students);
    return cap;
}
