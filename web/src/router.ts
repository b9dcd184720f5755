import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'

import { useSession } from './stores/session'

// Each page is its own chunk, loaded when first visited.
export const routes = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./components/ConsoleLayout.vue'),
    children: [
      { path: '', redirect: { name: 'apps' } },
      { path: 'apps', name: 'apps', component: () => import('./pages/AppsPage.vue') },
      { path: 'apps/:id', name: 'app', component: () => import('./pages/AppPage.vue'), props: true },
      { path: 'lanes', name: 'lanes', component: () => import('./pages/lanes/LanesPage.vue') },
      { path: 'lanes/new', name: 'lane-create', component: () => import('./pages/lanes/LaneCreatePage.vue') },
      { path: 'lanes/:id', name: 'lane', component: () => import('./pages/lanes/LaneDetailPage.vue'), props: true },
      { path: 'environments/:id', name: 'environment', component: () => import('./pages/EnvironmentPage.vue'), props: true },
      { path: 'builds/:id', name: 'build', component: () => import('./pages/BuildPage.vue'), props: true },
      { path: 'changes/:id', name: 'change', component: () => import('./pages/ChangePage.vue'), props: true },
      { path: 'releases/:id', name: 'release', component: () => import('./pages/ReleasePage.vue'), props: true },
      { path: 'environments/:id/config', name: 'config-files', component: () => import('./pages/config/ConfigFilesPage.vue'), props: true },
      { path: 'environments/:id/config/:name', name: 'config-file', component: () => import('./pages/config/ConfigFilePage.vue'), props: true },
      { path: 'approvals', name: 'approvals', component: () => import('./pages/ApprovalsPage.vue') },
      { path: 'users', name: 'users', component: () => import('./pages/admin/UsersPage.vue') },
      { path: 'clusters', name: 'clusters', component: () => import('./pages/admin/ClustersPage.vue') },
      { path: 'connectors', name: 'connectors', component: () => import('./pages/admin/ConnectorsPage.vue') },
      { path: 'audit', name: 'audit', component: () => import('./pages/admin/AuditPage.vue') },
      { path: 'account', name: 'account', component: () => import('./pages/AccountPage.vue') },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
    ],
  },
]

/// Where sign-in sends the user back to: only paths inside the console.
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/apps'
}

export function loginLocation(from: RouteLocationNormalized | string) {
  const path = typeof from === 'string' ? from : from.fullPath
  return { name: 'login', query: path && path !== '/' ? { redirect: path } : {} }
}

export function createConsoleRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(async (to) => {
    const session = useSession()
    await session.load()
    if (to.meta.public) return session.user && to.name === 'login' ? safeRedirect(to.query.redirect) : true
    return session.user ? true : loginLocation(to)
  })
  return router
}
