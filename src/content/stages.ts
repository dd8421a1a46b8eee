/**
 * The seven stages of the marketing hourglass, in order: how a rollout earns trust before and after
 * its launch. Campaign schemas, checks, pages, the hourglass drawing, `npm run new` and docs/editing.md
 * all read this table.
 */
export const STAGE_IDS = ['know', 'like', 'trust', 'try', 'buy', 'repeat', 'refer'] as const;

export type StageId = (typeof STAGE_IDS)[number];

interface StageInfo {
	/** The stage's name as readers see it. */
	label: string;
	/** What the stage earns, in one line, for pages and docs/editing.md. */
	aim: string;
	/** The question `npm run new` asks the writer to answer for this stage. */
	prompt: string;
}

export const STAGES: Record<StageId, StageInfo> = {
	know: {
		label: 'Know',
		aim: 'People hear about it from those who use it, not from an announcement.',
		prompt:
			'Which teams in other companies already run it, and who will interview them? Which colleagues will use it, and what do they need from it?',
	},
	like: {
		label: 'Like',
		aim: 'Peers who already run it say what it did for them.',
		prompt: 'Who from a company that already runs it will sit on a peer panel with our people, and when?',
	},
	trust: {
		label: 'Trust',
		aim: 'Named champions from the business help choose and plan it.',
		prompt: 'Who are the champions, and which vendor talks and planning sessions will they join?',
	},
	try: {
		label: 'Try',
		aim: 'A beta group uses it early, has a say in the build, and its progress is public.',
		prompt: 'Who is in the beta group, what can they use early, and where will their progress be shown?',
	},
	buy: {
		label: 'Buy',
		aim: 'The launch: the beta group trains and evangelises, with orientation material.',
		prompt: 'How will the beta group train the others, and which tips and traps go into the orientation material?',
	},
	repeat: {
		label: 'Repeat',
		aim: 'The improvement is measured and reported; champions get new features first.',
		prompt: 'Which measures will show the improvement, when will we report them, and which features go to the champions first?',
	},
	refer: {
		label: 'Refer',
		aim: 'Testimonials, a growing champion group and user-group events.',
		prompt: 'Whose testimonials will we gather, how will champions bring in others, and when is the first user-group event?',
	},
};

export const stageLabel = (stage: StageId): string => STAGES[stage].label;

/** What happened to a planned activity. */
export const ACTIVITY_STATUSES = ['planned', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** An activity's status as readers see it, on the campaign's page and in its feed. */
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { planned: 'Planned', done: 'Done', dropped: 'Dropped' };
