// The Element Plus components the console uses, registered by name. Listing
// them (instead of app.use(ElementPlus)) keeps the rest out of the bundle.
import {
  ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem,
  ElHeader, ElInput, ElInputNumber, ElLink, ElMain, ElMenu, ElMenuItem, ElOption, ElRadioButton,
  ElRadioGroup, ElResult, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline,
  ElTimelineItem, ElTooltip,
} from 'element-plus'
import { ElLoading } from 'element-plus'
import type { App, Component } from 'vue'

const components: (Component & { name?: string })[] = [
  ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem,
  ElHeader, ElInput, ElInputNumber, ElLink, ElMain, ElMenu, ElMenuItem, ElOption, ElRadioButton,
  ElRadioGroup, ElResult, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline,
  ElTimelineItem, ElTooltip,
]

export function installUi(app: App) {
  // Child components (ElOption, ElTableColumn…) have no-op installers: register each by name.
  for (const c of components) app.component(c.name as string, c)
  app.use(ElLoading)
}
