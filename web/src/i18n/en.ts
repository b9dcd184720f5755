export const en = {
  common: {
    cancel: 'Cancel', confirm: 'Confirm', created: 'Created', done: 'Done', empty: 'Nothing here yet', loading: 'Loading…',
    next: 'Next', previous: 'Previous', remove: 'Remove', required: 'Required', retry: 'Retry', save: 'Save',
    saved: 'Saved', search: 'Search', actions: 'Actions', refresh: 'Refresh', by: 'By', comment: 'Comment', close: 'Close',
  },
  nav: {
    main: 'Main menu', apps: 'Applications', review: 'Review queue', approvals: 'Approvals', releases: 'Releases',
    clusters: 'Clusters', users: 'Users', audit: 'Audit log', account: 'My account', logout: 'Sign out', language: 'Language',
  },
  login: {
    title: 'Sign in to Slipway', username: 'Username', password: 'Password', submit: 'Sign in',
    required: 'Enter your username and password',
  },
  notFound: { title: 'Page not found', text: 'There is no page at this address.' },
  account: {
    title: 'My account', changePassword: 'Change password', current: 'Current password', new: 'New password',
    repeat: 'Repeat new password', mismatch: 'The new passwords differ', passwordChanged: 'Password changed',
    tokens: 'API tokens', tokenName: 'Name', expiresInDays: 'Expires in (days)', createToken: 'Create token',
    tokenOnce: 'Copy the token now: it is shown only once.', copy: 'Copy', copied: 'Copied', lastUsed: 'Last used',
    expires: 'Expires', revoke: 'Revoke',
  },
  users: { displayName: 'Display name', role: 'Role' },
  role: { admin: 'Admin', approver: 'Approver', developer: 'Developer', viewer: 'Viewer' },
  memberRole: { owner: 'Owner', developer: 'Developer', approver: 'Approver' },
  members: { add: 'Add or change member' },
  appType: { self_developed: 'Self-developed', commercial: 'Commercial', empty: 'Empty' },
  appLevel: { core: 'Core', non_core: 'Non-core', edge: 'Edge' },
  apps: {
    title: 'Applications', register: 'Register application', submitRegister: 'Submit for review', search: 'Name or description',
    name: 'Name', team: 'Team', owner: 'Owner', type: 'Type', level: 'Level', status: 'Status', repoUrl: 'Repository',
    description: 'Description', nameRule: 'Lower-case letters, digits and "-", at most 63', urlRule: 'An http(s) URL',
    approve: 'Approve', reject: 'Reject', resubmit: 'Resubmit', requestOffline: 'Take offline', confirmOffline: 'Confirm offline',
    cancelOffline: 'Keep online', approveComment: 'Comment (optional)', rejectReason: 'Why is it rejected?',
    offlineReason: 'Why take it offline?',
  },
  app: {
    overview: 'Overview', details: 'Details', members: 'Members', missing: 'Complete these before releasing: {fields}',
  },
  details: {
    buildJob: 'Build job', vendorImage: 'Vendor image', ports: 'Ports', portName: 'Name', port: 'Port', protocol: 'Protocol',
    addPort: 'Add port', healthCheck: 'Health check', healthType: 'Check type', healthPath: 'Path', command: 'Command',
    none: 'None', approvers: 'Approvers', approversHint: 'User names, separated by commas',
  },
  state: {
    under_review: 'Under review', rejected: 'Rejected', pending_online: 'Pending online', online: 'Online',
    pending_offline: 'Pending offline', offline: 'Offline', developing: 'Developing', approving: 'Approving',
    closed: 'Closed', pending_release: 'Pending release', releasing: 'Releasing', released: 'Released', failed: 'Failed',
    pending: 'Pending', canary: 'Canary', completed: 'Completed', queued: 'Queued', running: 'Running',
    succeeded: 'Succeeded', cancelled: 'Cancelled', waiting: 'Waiting', skipped: 'Skipped',
  },
}
