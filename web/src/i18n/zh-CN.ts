import type { en } from './en'

export const zhCN: typeof en = {
  common: {
    cancel: '取消', confirm: '确认', created: '创建时间', done: '已完成', empty: '暂无数据', loading: '加载中…',
    next: '下一页', previous: '上一页', remove: '移除', required: '必填', retry: '重试', save: '保存',
    saved: '已保存', search: '搜索', actions: '操作', refresh: '刷新', by: '操作人', comment: '备注', close: '关闭',
  },
  nav: {
    main: '主菜单', apps: '应用', review: '待审核', approvals: '待我审批', releases: '发布',
    clusters: '集群', users: '用户', audit: '审计日志', account: '我的账号', logout: '退出登录', language: '语言',
  },
  login: {
    title: '登录 Slipway', username: '用户名', password: '密码', submit: '登录',
    required: '请输入用户名和密码',
  },
  notFound: { title: '页面不存在', text: '这个地址没有页面。' },
  account: {
    title: '我的账号', changePassword: '修改密码', current: '当前密码', new: '新密码',
    repeat: '再次输入新密码', mismatch: '两次输入的新密码不一致', passwordChanged: '密码已修改',
    tokens: 'API 令牌', tokenName: '名称', expiresInDays: '有效期（天）', createToken: '创建令牌',
    tokenOnce: '请立即复制令牌：它只显示这一次。', copy: '复制', copied: '已复制', lastUsed: '最近使用',
    expires: '过期时间', revoke: '吊销',
  },
  users: { displayName: '显示名', role: '角色' },
  role: { admin: '管理员', approver: '审批人', developer: '开发', viewer: '只读' },
  memberRole: { owner: '负责人', developer: '开发', approver: '审批人' },
  members: { add: '添加或修改成员' },
  appType: { self_developed: '自研', commercial: '商业', empty: '空应用' },
  appLevel: { core: '核心', non_core: '非核心', edge: '边缘' },
  apps: {
    title: '应用', register: '注册应用', submitRegister: '提交审核', search: '名称或描述',
    name: '名称', team: '团队', owner: '负责人', type: '类型', level: '级别', status: '状态', repoUrl: '代码仓库',
    description: '描述', nameRule: '小写字母、数字和 "-"，最多 63 个字符', urlRule: '请输入 http(s) 地址',
    approve: '通过', reject: '驳回', resubmit: '重新提交', requestOffline: '申请下线', confirmOffline: '确认下线',
    cancelOffline: '取消下线', approveComment: '备注（可选）', rejectReason: '驳回原因',
    offlineReason: '下线原因',
  },
  app: {
    overview: '概览', details: '详细信息', members: '成员', missing: '发布前请补全：{fields}',
  },
  details: {
    buildJob: '构建任务', vendorImage: '厂商镜像', ports: '端口', portName: '名称', port: '端口', protocol: '协议',
    addPort: '添加端口', healthCheck: '健康检查', healthType: '检查方式', healthPath: '路径', command: '命令',
    none: '无', approvers: '审批人', approversHint: '用户名，以逗号分隔',
  },
  state: {
    under_review: '审核中', rejected: '已驳回', pending_online: '待上线', online: '已上线',
    pending_offline: '待下线', offline: '已下线', developing: '开发中', approving: '审批中',
    closed: '已关闭', pending_release: '待发布', releasing: '发布中', released: '已发布', failed: '失败',
    pending: '等待中', canary: '灰度中', completed: '已完成', queued: '排队中', running: '运行中',
    succeeded: '成功', cancelled: '已取消', waiting: '等待确认', skipped: '已跳过',
  },
}
