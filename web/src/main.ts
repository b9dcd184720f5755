import 'element-plus/dist/index.css'
import './style.css'

import { createPinia } from 'pinia'
import { createApp } from 'vue'

import { onUnauthenticated } from './api'
import App from './App.vue'
import { i18n } from './i18n'
import { createConsoleRouter, loginLocation } from './router'
import { useSession } from './stores/session'
import { installUi } from './ui'

const app = createApp(App)
app.use(createPinia())
const router = createConsoleRouter()
app.use(router)
app.use(i18n)
installUi(app)

// A 401 anywhere: back to sign-in, then back to where the user was.
onUnauthenticated(() => {
  const current = router.currentRoute.value
  useSession().forget()
  if (current.name !== 'login') void router.push(loginLocation(current))
})

app.mount('#app')
