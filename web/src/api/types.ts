// Names for the generated OpenAPI types (schema.d.ts), so pages read well.
import type { components } from './schema'

type S = components['schemas']
export type User = S['User']
export type Role = S['Role']
export type Session = S['Session']
export type Token = S['Token']
export type NewToken = S['NewToken']
export type App = S['App']
export type AppList = S['AppList']
export type AppCreate = S['AppCreate']
export type AppDetailsUpdate = S['AppDetailsUpdate']
export type Member = S['Member']
export type MemberRole = S['MemberRole']
export type AuditRecord = S['AuditRecord']
export type Cluster = S['Cluster']
export type Environment = S['Environment']
export type EnvironmentCreate = S['EnvironmentCreate']
export type EnvSpec = S['EnvSpec']
export type Pod = S['Pod']
export type LiveState = S['LiveState']
export type EnvOperation = S['EnvOperation']
export type Build = S['Build']
export type Change = S['Change']
export type Release = S['Release']
export type ReleaseStep = S['ReleaseStep']
export type RollbackPlan = S['RollbackPlan']
export type Baseline = S['Baseline']
export type BaselineDiff = S['BaselineDiff']
export type FieldDiff = S['FieldDiff']
export type ConfigFile = S['ConfigFile']
export type ConfigDiff = S['ConfigDiff']
export type ConfigPublish = S['ConfigPublish']
export type NotificationSettings = S['NotificationSettings']
export type NotificationTarget = S['NotificationTarget']

/// A page of any list endpoint.
export interface Page<T> {
  items: T[]
  next_cursor?: string | null
}
