// CI for brief repositories: briefs outgrow one laptop through git hosting and CI, not a server of ours.
export { githubWorkflow, writeGithubWorkflow, type WorkflowBrief } from './github.js'
