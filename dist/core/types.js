export const STUDENT_FIELDS = [
    'email', 'name', 'first_name', 'programme', 'sectors', 'support_areas', 'country', 'city',
    'meeting_preference', 'linkedin', 'share_linkedin', 'bio', 'share_bio', 'submitted_at',
];
export const MENTOR_FIELDS = [
    'email', 'name', 'first_name', 'courses', 'graduation_year', 'sectors', 'support_areas', 'country',
    'city', 'meeting_preference', 'job_role', 'employer', 'capacity', 'unavailable', 'linkedin',
    'share_linkedin', 'bio', 'share_bio', 'submitted_at',
];
export const LIST_FIELDS = new Set(['sectors', 'support_areas', 'courses']);
